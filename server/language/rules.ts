/**
 * Phrases to avoid and what to say instead (the Children's Society / NAPAC appropriate language
 * guide and the practice guides in docs/language-sources.md; DOMAIN.md's table is the start). Rules are data: each pattern is a regular expression where
 * a space means "any whitespace", {~verb|verb} expands to every inflection of the verbs and
 * {CLASS} to a word class from grammar.ts. Matching is case-insensitive on word boundaries.
 * More rules, by section of the guide, are in guide/.
 */
import { CRIMINAL_RULES } from './guide/criminal';
import { ONLINE_MISSING_RULES } from './guide/online-missing';
import { ROLES_CHOICE_RULES } from './guide/roles-choice';
import type { Section } from './guide/sections';

export interface LanguageRule {
  rule: string;
  /** The section of the guide the rule comes from (guide/sections.ts). */
  section: Section;
  suggestion: string;
  patterns: string[];
}

const STARTER_RULES: LanguageRule[] = [
  {
    rule: 'putting-themselves-at-risk',
    section: 'general',
    suggestion: 'may have been groomed; is at increased risk of exploitation by others',
    patterns: [
      '(?:risks?|dangers?|harm|situations?) (?:that |which )?(?:he|she|they) (?:{ADV} )?{~put|place|expose} {REFL}',
      '{~put|place|expose} {REFL} (?:and (?:others|(?:his|her|their) (?:friends|peers)) )?(?:{ADV} )?(?:at|in|to) (?:(?:serious|significant|great|high|real|considerable|further) )?(?:risk|danger|harm|harm\'s way|risky situations|dangerous situations|vulnerable situations)',
      '{~put|place|expose|leave} {REFL} (?:{ADV} )?(?:in |into )?(?:{ANY} )?(?:risky|dangerous|vulnerable|unsafe|compromising|precarious) (?:situations?|positions?|places?|circumstances)',
      '{~put|place|expose} {REFL} (?:{ANY} ){0,3}(?:at|in|into|to) (?:{ANY} ){0,2}(?:risk|danger|harm)(?! assessment)',
      'self[- ]placing',
      '{~allow|let} {REFL} (?:to )?(?:be|get) (?:{ADV} )?(?:exploited|abused|groomed|used|taken advantage of)',
      '(?:by|through|due to|because of|from|owing to) {POSS} own (?:behaviou?rs?|actions|conduct|choices|decisions)',
      'risks? to {REFL}',
    ],
  },
  {
    rule: 'sexually-active',
    section: 'sexual',
    suggestion: 'has been sexually abused / raped (a child cannot consent to their own abuse)',
    patterns: [
      'sexu?al+y active',
      'sexual activity (?:with|between)',
      'sexually experienced',
      'sexual activity with',
      '{~have} (?:had )?(?:unprotected |underage )?(?:sex|sexual intercourse|intercourse) with',
      '{~sleep} with (?:an? |some )?(?:older|adult|man|men|male|males|woman|women|\\d+)',
    ],
  },
  {
    rule: 'contacting-adults',
    section: 'online',
    suggestion: 'adults have been contacting the child',
    patterns: [
      '(?<!(?:police|officers?|staff|workers?|PC|DC|DS|we|I|manager|teacher|school|carers?|mum|dad) ){~contact|message|text|approach|seek|befriend|add|chat} (?:out |up |to |with )?(?:{ADV} )?(?:an? |some |several |other |unknown |older |adult )*{ADULTS}(?! (?:social|services|care|safeguarding|team|mental|education|learning|health))',
    ],
  },
  {
    rule: 'relationship-with-adult',
    section: 'sexual',
    suggestion: 'state the age and power imbalance; is being sexually exploited',
    patterns: [
      '(?:in|into|has|have|had) an? (?:sexual |romantic |intimate )?relationship with (?:an? |the )?(?:{ANY} )?(?:older|adult|\\d+[- ]?(?:year[- ]old|yo)|man|woman|male|female)',
      '(?:older|adult|much older|\\d{2}[- ]year[- ]old) (?:boyfriend|girlfriend|partner)s?',
      '(?:boyfriend|girlfriend|partner),? (?:aged |who is |age |of |\\()(?:1[89]|[2-9]\\d)',
      '{~date|see} (?:an? )?(?:older|adult|\\d{2}[- ]year[- ]old) (?:man|men|woman|male|female|guy|lad|boy)',
    ],
  },
  {
    rule: 'associating-with-gangs',
    section: 'criminal',
    suggestion: 'is being exploited / groomed / coerced by …',
    patterns: [
      '(?:{~associate|mix|hang|run|mingle|socialise|socialize}|spen(?:d|ds|t|ding) time) (?:out )?(?:around )?(?:{ADV} )?with (?:(?:known|local|older|criminal|adult|gang) )*(?:gangs?|gang members|olders|elders|offenders|criminals|(?:drug )?dealers|nominals)',
      '(?:{~associate|mix|hang|run|mingle|socialise|socialize}|spen(?:d|ds|t|ding) time) (?:out )?(?:around )?(?:{ADV} )?with (?:(?:known|local|criminal) )*older (?:males|boys|men|youths|peers|lads|people|teenagers)',
      'gang[- ](?:involved|involvement|related|linked)',
      'gang[- ](?:members?|affiliated|associated|involved|nominals?)',
      '(?:{~join}|(?:member|part) of|{~be} in) (?:a|the) gang',
      '\\bolders\\b',
    ],
  },
  {
    rule: 'involved-in-exploitation',
    section: 'criminal',
    suggestion: 'is a victim of sexual / criminal exploitation',
    patterns: [
      '(?:{~be}|{~become}|{~get}) (?:{ADV} )?involved (?:in|with) (?:the |a )?(?:CSE|CCE|CSA|CFE|child sexual exploitation|child criminal exploitation|(?:sexual|criminal|financial) exploitation|county lines?|drug (?:dealing|supply)|(?:the )?(?:drugs|sex) trade|(?:selling|dealing) drugs|prostitution|gangs?|gang activity|criminality|crime|offending)',
      'involvement (?:in|with) (?:the |a )?(?:CSE|CCE|CFE|child sexual exploitation|child criminal exploitation|(?:sexual|criminal|financial) exploitation|county lines?|drug (?:dealing|supply)|(?:selling|dealing) drugs|prostitution|gangs?|gang activity|criminality|crime|offending)',
    ],
  },
  {
    rule: 'recruiting-others',
    section: 'criminal',
    suggestion: 'is being criminally exploited; coerced',
    patterns: [
      '{~recruit} (?:{ADV} )?(?:(?:his|her|their|other|younger|more|new) )+{PEOPLE}',
      '{~recruit} (?:{ADV} )?(?:others|friends|peers|kids|classmates|younger ones)',
      '(?:{~be}|{~get}) (?:{ADV} )?recruited (?:by|into|for|as|to (?:sell|carry|run|deal|move|join|work))',
    ],
  },
  {
    rule: 'working-for-exploiters',
    section: 'criminal',
    suggestion: 'is being criminally exploited',
    patterns: [
      '{~work|run|deal|sell|deliver|graft} (?:{DRUGS} )?(?:{ADV} )?for (?:(?:a|an|the|his|her|their|some|local|older|known) )*(?:drug )?(?:dealers?|gangs?|county lines?|line|olders|elders|suppliers?|group|men|males|man|male|OCG|organised crime group)',
      '{~deal|sell|run|push|move|shift|supply|deliver} {DRUGS}',
      'drugs? (?:runners?|mules?)',
      '(?<!(?:man|men|adults?|males?|woman|women|people|person|group|OCG|gang|who|that|which|of|for|with) ){~run} (?:a|the) (?:drugs? |county )?line',
    ],
  },
  {
    rule: 'goes-back-to-exploiters',
    section: 'criminal',
    suggestion: 'is being controlled',
    patterns: [
      '{~return} to (?:the |his |her |their )?(?:exploiters?|abusers?|perpetrators?|groomers?|olders|elders|dealers|gang|group who|men who|people (?:who|he|she|they))',
      '{~go|keep|return|run} (?:going |running )?back to (?:the |his |her |their )?(?:exploiters?|abusers?|perpetrators?|groomers?|dealers?|olders|elders|boyfriend|girlfriend|him|them|the gang)',
    ],
  },
  {
    rule: 'keeps-going-missing',
    section: 'missing',
    suggestion: 'is missing and at risk of exploitation; may have been trafficked',
    patterns: [
      '{~keep} (?:on )?(?:{ADV} )?(?:going|running) (?:missing|away|off)',
      '(?:repeatedly|constantly|persistently|continually|frequently|always|regularly|habitually) (?:{~go}|{~run}) (?:missing|away|off)',
      '{~go|run} (?:missing|away|off) (?:again and again|time and again|all the time|over and over(?: again)?|repeatedly|constantly|regularly)',
      '(?:serial|persistent|habitual|chronic|prolific|repeat) (?:missing person|mispers?|runaways?|absconders?)',
      '{~go} missing (?:{ADV} )?(?:every|most|each) (?:night|weekend|day|week|time)',
    ],
  },
  {
    rule: 'risk-taking-behaviour',
    section: 'general',
    suggestion: 'describe the risk posed by others',
    patterns: [
      'risk[- ]?tak(?:ing|ers?)(?: behaviou?rs?)?',
      '{~take} (?:{ADV} )?(?:unnecessary |big |real |serious |silly |stupid )?risks (?:with|by|when|around)',
      'risky (?:behaviou?rs?|lifestyles?|activities|activity|choices|decisions|situations|relationships|sexual behaviou?r)',
      '{~engage} (?:{ADV} )?in (?:risky|dangerous|high[- ]risk) (?:behaviou?rs?|activities|activity)',
      'high[- ]risk (?:behaviou?rs?|lifestyles?)',
    ],
  },
  {
    rule: 'lifestyle-choice',
    section: 'choice',
    suggestion: 'constrained choice; acting out of fear',
    patterns: [
      'lifestyle (?:choices?|decisions?)',
      '(?<!(?:committee|panel|board|manager|managers|professionals|staff|team|partnership|council|we|they|parents?|carers?|mum|dad|school|court|service|services) ){~make} (?:{ADV} )?choices',
      '{~make} (?:the |a |an |his |her |their )?(?:{ANY} )?decision to (?:leave|go|stay|run|return|meet|see|spend|be with|get in|travel|carry|sell|deal|join)',
      '{~choose|decide} (?:{ADV} )?to (?:go|stay|leave|run|return|meet|see|spend|be with|associate|carry|sell|deal|travel|get in|hang|remain|sleep)',
      'of {POSS} own (?:free )?(?:will|volition|accord)',
      'by choice',
      '(?:chosen|chaotic|criminal|risky) lifestyle',
      '{~make} (?:{ADV} )?(?:poor|bad|unwise|risky|wrong|negative|unhealthy|dangerous|(?:his|her|their) own) (?:life )?(?:choices|decisions)',
      '{~choose} (?:{ADV} )?to (?:go missing|associate|stay (?:out|away)|return|spend time with|be with|engage in|run|sell|carry|deal)',
    ],
  },
  {
    rule: 'child-prostitution',
    section: 'sexual',
    suggestion: 'child being sexually exploited',
    patterns: [
      'prostitut(?:e|es|ion|ing|ed)',
      '(?:child|teenage|underage|juvenile) sex workers?',
      '{~be} an? (?:{ANY} )?sex workers?',
      '{~work} as an? (?:escort|sex worker|prostitute|hooker)',
      '{~sell|trade|exchange|offer|swap} (?:sex|sexual (?:favours?|favors?|acts?|services)|oral sex|{REFL})(?: for)?',
      '{~work} (?:as|on) the streets?',
    ],
  },
  {
    rule: 'promiscuous',
    section: 'sexual',
    suggestion: 'do not use; describe the abuse',
    patterns: [
      'promisc(?:u)?(?:ous|ity|ously)',
      'sexuali[sz]ed behaviou?r',
      '{~sleep} around',
      '(?:reputation|known|seen|described|labelled|labeled) (?:{ANY} ){0,2}(?:easy|a slag|a slut|loose|sexually available)',
      'slags?|sluts?|slappers?',
      'provocative(?:ly)?|flirtatious|seductive',
    ],
  },
  {
    rule: 'consent-to-abuse',
    section: 'choice',
    suggestion: 'a child cannot consent to their own abuse',
    patterns: [
      'consen[st]ual',
      '{~go|leave|get|meet|return|participate|engage} (?:{ANY} ){0,4}willingly',
      'willingly (?:went|left|got|met|returned|took part|participated|engaged|had sex|agreed)',
      '{~give} (?:{POSS} )?consent (?:to|for) (?:the )?(?:sex|sexual|photos|images|pictures|videos|it|him|them|meeting)',
      '{~consent} (?:to )?(?:the )?(?:sex|sexual (?:activity|contact|intercourse|acts?)|intercourse|it|the abuse|the relationship)',
      'willing(?:ly)? (?:participant|participated|took part|went)',
      '{~be} (?:a )?willing (?:participant|partner|to (?:have sex|go with|meet (?:him|them|up)))',
      '{~agree} to (?:have )?(?:sex|sexual)',
    ],
  },
  {
    rule: 'streetwise-mature',
    section: 'roles',
    suggestion: 'use "child" and the age; name the risk from others',
    patterns: [
      'street[- ]?(?:wise|wize|smart)',
      '(?:looks?|looking|appears?|seems?|presents? as|passes for|dresses) (?:{ADV} )?(?:much |a lot |far )?older',
      '(?:acts|acting|behaves|behaving) like an? (?:adult|grown[- ]up|woman|man)',
      'worldly(?:[- ]wise)?',
      'sexually mature',
      'mature (?:for|beyond) (?:{POSS} )?(?:age|years)',
      'older than (?:{POSS} )?(?:age|years)',
      'acts? (?:much )?older than',
      '(?:very|quite|more|so) (?:mature|adult)(?! services)',
    ],
  },
  {
    rule: 'not-engaging',
    section: 'general',
    suggestion: 'professionals have not yet found a way to engage',
    patterns: [
      '{NEG} (?:{ADV} )?(?:been )?(?:engage|engages|engaged|engaging)(?! (?:the|a|an|his|her|their|parents|carers|family|families|school|schools|partners?|staff)\\b)',
      'non[- ]?(?:engagement|engaging|engager|compliant|compliance|cooperation|co-operation)',
      'dis[- ]?engag(?:ed|es|ing|ement)',
      '(?:{~refuse|fail|decline}|unwilling|reluctant|difficult|will not) (?:{ADV} )?to engage',
      'non[- ]?(?:attender|attendance) (?:with|at) (?:services|appointments|the plan)',
      'hard[- ]to[- ](?:reach|engage)',
      'uncooperative',
    ],
  },
  {
    rule: 'absconding',
    section: 'missing',
    suggestion: 'missing from care',
    patterns: ['abscou?n[dt](?:ed|ing|s|er|ers|ence|ance)?', 'absconsion'],
  },
];

export const LANGUAGE_RULES: LanguageRule[] = [...STARTER_RULES, ...CRIMINAL_RULES, ...ONLINE_MISSING_RULES, ...ROLES_CHOICE_RULES];
