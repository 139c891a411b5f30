import { call } from '../services/api'
import { useRemote } from './useRemote'

export const useProfile = () => useRemote(() => call('members', 'me'))
