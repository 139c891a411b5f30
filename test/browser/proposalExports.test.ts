/**
 * 提案审查's two files in the browser build, over the demo's 六届二次: the committee's member taps 下载提案汇编 and
 * gets the .docx (its proposal pages in number order), then 下载办理情况表 and gets the .xlsx; both are audited.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { arrived, downloadFrom, expectText, loginAs, open, screenshot, suiteHarness } from './harness'

const h = suiteHarness()

const REVIEW = /#\/admin\/proposals\/review\/index/

test('the committee downloads the session’s 提案汇编 (.docx) and 提案办理情况表 (.xlsx) from 提案审查', async () => {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, (await h.store.get('members', 'm0040'))!.name)
  await open(page, h.baseUrl, '/admin/proposals/review/index')
  await arrived(page, REVIEW)
  const review = page.locator('.review:visible')
  await expectText(review.locator('.review__session'), '六届二次教代会')
  await screenshot(page, 'proposals-review-files')

  const book = await downloadFrom(page, review.locator('.review__book'))
  expect(book.fileName).toMatch(/^提案汇编-六届二次-\d{8}\.docx$/)
  const document = await (await JSZip.loadAsync(book.data)).file('word/document.xml')!.async('string')
  const headings = [...document.matchAll(/<w:t xml:space="preserve">(六届二次-\d{3})　/g)].map((match) => match[1])
  expect(headings).toEqual(['六届二次-001', '六届二次-002', '六届二次-003', '六届二次-004'])

  const table = await downloadFrom(page, review.locator('.review__handling'))
  expect(table.fileName).toMatch(/^提案办理情况表-六届二次-\d{8}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(table.data)
  const sheet = workbook.getWorksheet('提案办理情况')!
  expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['编号', '标题', '类别', '提案人'])
  expect(sheet.rowCount).toBe(5)

  expect(await h.store.count('auditLog', { action: { $in: ['proposals.exportBook', 'proposals.exportHandling'] }, actorId: 'm0040' })).toBe(2)
})
