/**
 * "Briefing pack" button: hidden until the briefing mutation (engineer E, server/modules/briefing)
 * exists; wired in initBriefing when it does.
 */
import { $ } from './ui/dom';

export function initBriefing(): void {
  $('btn-briefing').hidden = true;
}
