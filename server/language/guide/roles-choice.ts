/** Rules from the guide's sections on adultification, "choice" framing and assumed resilience. */
import type { LanguageRule } from '../rules';
import { NOT_OF_ADULTS } from '../grammar';

const CHILD_AGE = '(?:1[0-7]|[4-9])';
const ADULT_NOUN = '(?:young |adult )?(?:man|woman|lady|male|female|males|females|men|women)';

export const ROLES_CHOICE_RULES: LanguageRule[] = [
  {
    rule: 'adultification',
    section: 'roles',
    suggestion: 'use "child", "boy" or "girl" and the age: a child described as an adult loses the protection owed to them',
    patterns: [
      `${ADULT_NOUN},? (?:aged |age |\\()${CHILD_AGE}(?!\\d)`,
      `${CHILD_AGE}[- ](?:(?:year|yr)s?[- ]old |yo )${ADULT_NOUN}`,
      `(?<=[,(]\\s?)${CHILD_AGE}(?:\\)|,)? (?:{ANY} ){0,2}(?:is|was|as|like) (?:a |an )(?:young )?(?:woman|man|lady)`,
    ],
  },
  {
    rule: 'knew-what-doing',
    section: 'choice',
    suggestion: "describe the coercion and control: a child's awareness does not make them responsible for their abuse",
    patterns: [
      "{~know} (?:exactly |full well |perfectly well |fine )?what (?:he|she|they|he's|she's|they're|s?he) (?:is |was |are |were )?(?:doing|getting (?:into|{REFL} into))",
      '(?:fully |well |totally |very )?aware of (?:the )?(?:risks|dangers|consequences)',
      'capable of making (?:{POSS} )?own (?:decisions|choices)',
      '{~understand} (?:the |all the )?(?:consequences|risks) of {POSS} (?:actions|behaviou?rs?|choices|decisions)',
      '(?:old enough to|should) know better',
    ],
  },
  {
    rule: 'resilience',
    section: 'resilience',
    suggestion: "every child can be exploited: name the risk from others, not the child's gender, ethnicity, size or age",
    patterns: [
      '(?:is|are|was|seems?|appears?|very|more|quite|so|really|naturally) resilient',
      '(?:can|could|able to|knows how to|capable of) (?:{ADV} )?(?:look after|looking after|handle|handling|take care of|protect|fend for|stick up for|defend) {REFL}',
      "(?:less|not (?:very |as |particularly |that )?|isn't (?:very )?|wasn't ) vulnerable",
      '(?:big|tall|large|strong|well[- ]built|grown) for {POSS} age',
      '(?:he|she|they) (?:is|are|was|seems) (?:{ADV} )?tough',
      'tough (?:kid|boy|girl|lad|cookie|nut)',
      "(?:not|isn't|doesn't (?:look like|seem like|present as)) (?:a |your )?(?:typical|usual|classic|real|genuine|proper|obvious) victim",
      'boys will be boys',
      '(?:less|lower|not) (?:at )?risk (?:as|because|since) (?:he|she|they)(?: is|\'s| are) (?:a |an )?(?:boy|male|girl|lad)',
    ],
  },
  {
    rule: 'attention-seeking',
    section: 'general',
    suggestion: 'describe what the child may be communicating and the harm from others',
    patterns: [
      'attention[- ]?seek(?:ing|er|ers)',
      `${NOT_OF_ADULTS}(?:is|was|are|can be|has been|seems|appears|presents as) (?:{ADV} )?(?:very |quite |so |extremely )?manipulative`,
      'manipulative behaviou?rs?',
      '(?:is|was|are|were|being|getting|seems|gone) (?:{ADV} )?out of control',
      'beyond (?:parental )?control',
      '(?:compulsive |habitual |pathological )?liar',
      '{~make} (?:things|stories|it) up',
      'wayward',
      '(?:difficult|problem|naughty) (?:child|girl|boy|teenager)',
      'feral',
    ],
  },
];
