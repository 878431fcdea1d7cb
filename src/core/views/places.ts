/**
 * Where an offset of a compared text stands in its file, as every report writes it: line and
 * column (from 1, in UTF-16 units) and `name:line:col`. For a web page or Markdown, the comparison
 * is in its article text and the place is found through its map in the file itself.
 */
import type { OffsetMap } from '../formats/offsetMap';
import { LineIndex } from '../text/lines';

/** A place in one document: its index among the documents compared and `name:line:column`. */
export interface DocumentPlace {
  document: number;
  line: number;
  column: number;
  text: string;
}

/** A document read from a web page or Markdown: its source text and the map from its article text to it. */
export interface ArticleSource {
  text: string;
  map: OffsetMap;
}

/** The place of an offset of document `document`'s compared text (its article text where `sources` has its source). */
export function placeFinder(
  names: readonly string[],
  texts: readonly string[],
  sources?: ReadonlyArray<ArticleSource | undefined>,
): (document: number, offset: number) => DocumentPlace {
  const lines = texts.map((text, d) => new LineIndex(sources?.[d]?.text ?? text));
  return (document, articleOffset) => {
    const offset = sources?.[document]?.map.sourceStart(articleOffset) ?? articleOffset;
    const { line, column } = lines[document].positionAt(offset);
    return { document, line, column, text: `${names[document]}:${line}:${column}` };
  };
}
