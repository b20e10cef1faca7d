import { DATA_ATTRIBUTIONS } from '../../../src/domain/attribution';

/** The data shipped with Vigil, each with its licence and attribution, as its licence asks. */
export function DataCredits() {
  return (
    <ul className="credits">
      {DATA_ATTRIBUTIONS.map((a) => (
        <li key={a.data}>
          <strong>{a.data}</strong> ({a.licence}): {a.text}
        </li>
      ))}
    </ul>
  );
}
