/** Undo: a bounded stack of canvas snapshots (elements with positions and classes). */
import type { Core, ElementDefinition } from 'cytoscape';

const MAX = 30;
const stack: ElementDefinition[][] = [];

export function record(cy: Core): void {
  stack.push(cy.elements().jsons() as unknown as ElementDefinition[]);
  if (stack.length > MAX) stack.shift();
}

export function undo(cy: Core): boolean {
  const snap = stack.pop();
  if (!snap) return false;
  cy.batch(() => {
    cy.elements().remove();
    cy.add(snap);
  });
  return true;
}

export function clearHistory(): void {
  stack.length = 0;
}
