import { Screen } from '../../components/Screen'

/** Placeholder until this page is built. */
export default function Placeholder() {
  return <Screen className="placeholder">{null}</Screen>
}
