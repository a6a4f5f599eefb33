/** @jsxImportSource preact */
// The board page's links to its other views (page.tsx): another region, another diet, with or
// without English, TV mode, the same result as JSON.
import type { TodayResult } from '../../commands/results.js';

/** The page's options the links keep. */
interface NavOptions {
  /** The query as resolved. */
  region: string | null;
  only: string[];
  english: boolean;
  /** The regions there are. */
  regions: string[];
}

/** The address of another view of the board (or of its JSON), keeping the rest of the options. */
function boardHref(options: { region: string | null; diet: string | null; only: string[]; english: boolean; tv: boolean }, path = '/-/board'): string {
  const params = new URLSearchParams();
  if (options.region) params.set('region', options.region.toLowerCase());
  if (options.diet) params.set('diet', options.diet);
  if (options.only.length) params.set('only', options.only.join(','));
  if (options.english && path === '/-/board') params.set('lang', 'en');
  if (options.tv && path === '/-/board') params.set('tv', '1');
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

export function Nav({ result, options }: { result: TodayResult; options: NavOptions }) {
  const now = { region: options.region, diet: result.diet, only: options.only, english: options.english, tv: false };
  const item = (text: string, to: Partial<typeof now>, current: boolean) => (
    <li>
      <a href={boardHref({ ...now, ...to })} aria-current={current ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <nav aria-label="Other views">
      <ul>
        {item('All regions', { region: null }, options.region === null)}
        {options.regions.map((region) => item(region, { region }, options.region === region))}
        {item('Any diet', { diet: null }, result.diet === null)}
        {item('Vegetarian', { diet: 'vegetarian' }, result.diet === 'vegetarian')}
        {item('Vegan', { diet: 'vegan' }, result.diet === 'vegan')}
        {item(options.english ? 'Without English' : 'In English too', { english: !options.english }, false)}
        {item('TV mode', { tv: true }, false)}
        <li>
          <a href={boardHref(now, '/-/today')}>JSON</a>
        </li>
      </ul>
    </nav>
  );
}
