import type ExcelJS from 'exceljs'

/** A workbook as the bytes of an .xlsx file. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array
  return Buffer.isBuffer(data) ? data : Buffer.from(data)
}
