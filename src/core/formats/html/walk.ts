/**
 * A depth-first walk over the visible part of a parsed page. It keeps its own stack: a page of
 * 100,000 nested elements is a valid page, and a recursive walk would overflow on it.
 */
import { childrenOf, isArticleFrame, isElement, isSkipped, isText, type AnyNode, type Element, type ParentNode, type Text } from './elements';

export interface Visitor {
  /** An element about to be walked; return false to leave out its content. */
  enter?(element: Element, insideArticle: boolean): boolean | void;
  /** After the element's content. */
  exit?(element: Element): void;
  text?(node: Text): void;
}

interface Frame {
  element: ParentNode;
  next: number;
  insideArticle: boolean;
}

/**
 * Walks `root`'s content (not `root` itself), leaving out what is never article text (see
 * `isSkipped`). `insideArticle` says whether an article frame encloses `root` already; `lenient`
 * keeps the page's header, footer and the parts whose class names say furniture.
 */
export function walkVisible(root: ParentNode, insideArticle: boolean, visitor: Visitor, lenient = false): void {
  const stack: Frame[] = [{ element: root, next: 0, insideArticle: insideArticle || (isElement(root) && isArticleFrame(root)) }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const children = childrenOf(frame.element);
    if (frame.next >= children.length) {
      stack.pop();
      if (stack.length > 0 && isElement(frame.element)) visitor.exit?.(frame.element);
      continue;
    }
    const child = children[frame.next++];
    if (isText(child)) {
      visitor.text?.(child);
    } else if (isElement(child) && !isSkipped(child, frame.insideArticle, lenient)) {
      if (visitor.enter?.(child, frame.insideArticle) === false) continue;
      stack.push({ element: child, next: 0, insideArticle: frame.insideArticle || isArticleFrame(child) });
    }
  }
}

/** Every element under `root` that `accepts`, skipped parts included (`<head>`'s scripts), in document order. */
export function findElements(root: AnyNode, accepts: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (accepts(node)) found.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}
