/** Rules from the guide's sexual exploitation, online abuse, missing and trafficking sections. */
import type { LanguageRule } from '../rules';

const IMAGES = '(?:images?|imagery|photos?|photographs?|pictures?|pics|selfies|videos?|clips?|content)';

export const ONLINE_MISSING_RULES: LanguageRule[] = [
  {
    rule: 'transactional-sex',
    section: 'sexual',
    suggestion: 'is being sexually exploited: adults are giving gifts, drugs or money in order to abuse the child',
    patterns: [
      'sugar (?:daddy|daddies|dad)',
      '(?:party|gift) girls?',
      'transactional (?:sex|sexual)',
      'sex (?:for|in exchange for|in return for) (?:{ANY} )?(?:drugs|money|cash|alcohol|cigarettes|vapes|food|a place|somewhere|lifts?|gifts|cannabis|weed)',
      '{~trade|swap|exchange|give|offer|provide} (?:{ANY} )?(?:sex|sexual (?:favours?|favors?|acts?|services)|oral sex) (?:for|in exchange|in return)',
    ],
  },
  {
    rule: 'sharing-images',
    section: 'online',
    suggestion: 'was groomed or coerced into sharing images; images of a child are child sexual abuse material',
    patterns: [
      'sext(?:ing|ed|s)?',
      `(?<!(?:was|were|been|being|is|are|got|get) ){~send|share|post|take|make|upload|swap|trade|film|record} (?:{ANY} ){0,2}(?:nudes|nude ${IMAGES}|naked ${IMAGES}|explicit ${IMAGES}|indecent ${IMAGES}|sexual ${IMAGES}|intimate ${IMAGES}|sexy ${IMAGES})`,
      `(?:nudes|nude ${IMAGES}|naked ${IMAGES}|explicit ${IMAGES}|sexual ${IMAGES}) of {REFL}`,
      'self[- ](?:generated|produced|made|taken) (?:sexual |indecent |explicit )?(?:images?|imagery|content|photos|material|abuse material|videos)',
      '(?:child|kiddie|revenge) porn(?:ography)?',
    ],
  },
  {
    rule: 'runaway',
    section: 'missing',
    suggestion: 'was missing: record where, with whom, and the risk from others',
    patterns: [
      'runaways?(?! (?:train|car|lorry|truck|vehicle|horse|bus|success|victory|favourite|favorite|inflation|bride))',
      '{~take} {REFL} off',
      '(?:{~go}) (?:AWOL|walkabout|on the run|off the radar|off grid)',
      '{~do} (?:a runner|one)',
      '(?:{~run}|{~wander}|{~take}) off (?:to (?:be with|see|meet|stay)|with (?:the|his|her|their|older|a|an)|and (?:turns?|turned|comes?|came) (?:up|back))',
      '{~wander} off',
      '{~bolt} from',
      'legged it',
    ],
  },
  {
    rule: 'trafficked-themselves',
    section: 'trafficking',
    suggestion: 'has been trafficked: moved by others for exploitation (a child cannot consent to being trafficked)',
    patterns: [
      '{~traffic|smuggle} {REFL}',
      '{~travel|go|move|head|get} (?:{ANY} ){0,4}(?:of {POSS} own (?:free )?(?:accord|will|volition)|willingly|by choice)',
      '{~travel} (?:{ANY} ){0,4}voluntarily',
      '(?:{~go}) (?:country|OT|out of town|cunch|o\\.t\\.)',
      'illegal(?:ly)? (?:immigrants?|migrants?|aliens?|entrants?)',
      'illegals',
      'economic migrants?',
    ],
  },
];
