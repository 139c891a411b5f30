/** A form with proof images (证明材料): a 慰问 application, a hardship report. */
import { PROOF_MAX_BYTES } from '../../types/benefitApplications'
import type { FormCheck } from '../../types/validation'
import { toApiError } from '../services/api'
import type { ProofImage } from '../services/applicationForm'
import { pickAndUploadImage } from '../services/images'
import { useFormState } from './useFormState'
import { useMutation } from './useMutation'

/**
 * The form's fields and its sending: pictures picked and uploaded one at a time into `proofs`, the request made and
 * checked by `toRequest`, sent by `send`; the function's refusal of a field shows under it, and `done` runs with
 * what it answered.
 */
export function useProofForm<F extends { proofs: ProofImage[] }, Q, R>(
  initial: () => F,
  toRequest: (form: F) => FormCheck<Q>,
  send: (request: Q, key: string) => Promise<R>,
  done: (result: R) => void,
) {
  const { form, setForm, errors, setErrors, change, accept } = useFormState<F>(initial)
  const picking = useMutation(async () => {
    const image = await pickAndUploadImage(PROOF_MAX_BYTES)
    if (image) setForm((previous) => ({ ...previous, proofs: [...previous.proofs, { fileId: image.fileId, url: image.previewUrl }] }))
  })
  const submitting = useMutation(
    async (request: Q, key: string) => {
      try {
        return await send(request, key)
      } catch (caught) {
        const error = toApiError(caught)
        if (error.code === 'INVALID_INPUT') setErrors(error.fields)
        throw error
      }
    },
    { success: '已提交', onSuccess: done },
  )
  const submit = () => {
    const request = accept(toRequest(form))
    if (request) void submitting.run(request)
  }
  return { form, errors, change, addProof: () => void picking.run(), addingProof: picking.busy, submit, busy: submitting.busy }
}
