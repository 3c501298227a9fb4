/**
 * Phrases to avoid and what to say instead (DOMAIN.md's table, after the Children's Society /
 * NAPAC appropriate language guide). Rules are data: each pattern is a regular expression where
 * a space means "any whitespace", {~verb|verb} expands to every inflection of the verbs and
 * {CLASS} to a word class from grammar.ts. Matching is case-insensitive on word boundaries.
 */
export interface LanguageRule {
  rule: string;
  suggestion: string;
  patterns: string[];
}

export const LANGUAGE_RULES: LanguageRule[] = [
  {
    rule: 'putting-themselves-at-risk',
    suggestion: 'may have been groomed; is at increased risk of exploitation by others',
    patterns: [
      '(?:risks?|dangers?|harm|situations?) (?:that |which )?(?:he|she|they) (?:{ADV} )?{~put|place|expose} {REFL}',
      '{~put|place|expose} {REFL} (?:and (?:others|(?:his|her|their) (?:friends|peers)) )?(?:{ADV} )?(?:at|in|to) (?:(?:serious|significant|great|high|real|considerable|further) )?(?:risk|danger|harm|harm\'s way|risky situations|dangerous situations|vulnerable situations)',
      '{~put|place|expose} {REFL} (?:{ADV} )?(?:into )?(?:risky|dangerous|vulnerable|unsafe) (?:situations|positions|places)',
      'self[- ]placing',
      '{~allow|let} {REFL} (?:to )?(?:be|get) (?:{ADV} )?(?:exploited|abused|groomed|used|taken advantage of)',
      '(?:by|through) {POSS} own (?:behaviou?rs?|actions|conduct|choices)',
    ],
  },
  {
    rule: 'sexually-active',
    suggestion: 'has been sexually abused / raped (a child cannot consent to their own abuse)',
    patterns: [
      'sexually active',
      'sexual activity with',
      '{~have} (?:had )?(?:unprotected )?(?:sex|sexual intercourse) with (?:an? )?(?:older|adult|\\d+[- ]year[- ]old)',
      '{~sleep} (?:around|with (?:older|adult))',
    ],
  },
  {
    rule: 'contacting-adults',
    suggestion: 'adults have been contacting the child',
    patterns: [
      '{~contact|message|text|approach|seek|befriend} (?:out )?(?:{ADV} )?{ADULTS}',
    ],
  },
  {
    rule: 'relationship-with-adult',
    suggestion: 'state the age and power imbalance; is being sexually exploited',
    patterns: [
      '(?:in|into|has) an? (?:sexual |romantic |intimate )?relationship with (?:an? )?(?:older|adult|\\d+[- ]year[- ]old|man|woman)',
      '(?:older|adult|much older) (?:boyfriend|girlfriend|partner)s?',
      '(?:boyfriend|girlfriend),? (?:aged|who is) \\d{2}',
      '{~be} (?:{ADV} )?in an? (?:sexual |romantic )?relationship with',
      '{~date} (?:an? )?(?:older|adult) (?:man|men|woman|male|female)',
    ],
  },
  {
    rule: 'associating-with-gangs',
    suggestion: 'is being exploited / groomed / coerced by …',
    patterns: [
      '{~associate|mix|hang|run|mingle} (?:out )?(?:around )?(?:{ADV} )?with (?:(?:known|local|older|criminal) )*(?:gangs?|gang members|olders|elders|older (?:males|boys|men|youths|peers)|offenders|criminals|drug dealers)',
      'gang[- ](?:members?|affiliated|associated|involved|nominals?)',
      '(?:{~join}|(?:member|part) of|{~be} in) (?:a|the) gang',
      '\\bolders\\b',
    ],
  },
  {
    rule: 'involved-in-exploitation',
    suggestion: 'is a victim of sexual / criminal exploitation',
    patterns: [
      '(?:{~be}|{~become}|{~get}) (?:{ADV} )?involved (?:in|with) (?:CSE|CCE|CSA|child sexual exploitation|child criminal exploitation|(?:sexual|criminal) exploitation|county lines|drug dealing|prostitution|gangs?)',
      'involvement (?:in|with) (?:CSE|CCE|child sexual exploitation|child criminal exploitation|(?:sexual|criminal) exploitation|county lines|prostitution|gangs?)',
    ],
  },
  {
    rule: 'recruiting-others',
    suggestion: 'is being criminally exploited; coerced',
    patterns: [
      '{~recruit} (?:{ADV} )?(?:other|younger) {PEOPLE}',
      '{~recruit} others',
      '{~recruit} (?:{ADV} )?(?:his|her|their) (?:friends|peers)',
      '{~be} (?:{ADV} )?recruited (?:into|to join) (?:a|the) (?:gang|county line|line|drug)',
    ],
  },
  {
    rule: 'working-for-exploiters',
    suggestion: 'is being criminally exploited',
    patterns: [
      '{~work|run|deal|sell|deliver} (?:drugs )?(?:{ADV} )?for (?:a|an|the|his|her|their|local)? ?(?:drug )?(?:dealers?|gangs?|county lines?|line|olders|elders|supplier)',
      '(?:{~deal|sell|run|push} (?:class a )?drugs)',
      'drugs? (?:runners?|mules?)',
      '{~run} (?:a|the) (?:drugs? |county )?line',
    ],
  },
  {
    rule: 'goes-back-to-exploiters',
    suggestion: 'is being controlled',
    patterns: [
      '{~return} to (?:the |his |her |their )?(?:exploiters?|abusers?|perpetrators?|groomers?)',
      '{~go|keep|return|run} (?:going |running )?back to (?:the |his |her |their )?(?:exploiters?|abusers?|perpetrators?|groomers?|dealers?|olders|elders|boyfriend|girlfriend|him|them|the gang)',
    ],
  },
  {
    rule: 'keeps-going-missing',
    suggestion: 'is missing and at risk of exploitation; may have been trafficked',
    patterns: [
      '{~keep} (?:on )?(?:{ADV} )?(?:going|running) (?:missing|away|off)',
      '(?:repeatedly|constantly|persistently|continually|frequently|always|regularly|habitually) (?:{~go}|{~run}) (?:missing|away|off)',
      '{~go|run} (?:missing|away|off) (?:again and again|time and again|all the time|over and over(?: again)?|repeatedly|constantly|regularly)',
      '(?:serial|persistent|habitual|chronic|prolific) (?:missing person|mispers?|runaways?|absconders?)',
    ],
  },
  {
    rule: 'risk-taking-behaviour',
    suggestion: 'describe the risk posed by others',
    patterns: [
      'risk[- ]taking(?: behaviou?rs?)?',
      'risky (?:behaviou?rs?|lifestyles?|activities|activity|choices|decisions|situations|relationships|sexual behaviou?r)',
      '{~engage} (?:{ADV} )?in (?:risky|dangerous|high[- ]risk) (?:behaviou?rs?|activities|activity)',
      'high[- ]risk (?:behaviou?rs?|lifestyles?)',
    ],
  },
  {
    rule: 'lifestyle-choice',
    suggestion: 'constrained choice; acting out of fear',
    patterns: [
      'lifestyle (?:choices?|decisions?)',
      '{~make} (?:{ADV} )?choices',
      '(?:chosen|chaotic|criminal|risky) lifestyle',
      '{~make} (?:{ADV} )?(?:poor|bad|unwise|risky|wrong|negative|unhealthy|dangerous|(?:his|her|their) own) (?:life )?(?:choices|decisions)',
      '{~choose} to (?:go missing|associate|stay (?:out|away)|return|spend time with|be with|engage in|run|sell|carry|deal)',
    ],
  },
  {
    rule: 'child-prostitution',
    suggestion: 'child being sexually exploited',
    patterns: [
      'prostitut(?:e|es|ion|ing|ed)',
      '(?:child|teenage|underage|juvenile) sex workers?',
      '{~sell|trade|exchange|offer} (?:sex|sexual favours|{REFL})(?: for)?',
      '{~work} (?:as|on) the streets?',
    ],
  },
  {
    rule: 'promiscuous',
    suggestion: 'do not use; describe the abuse',
    patterns: ['promiscu(?:ous|ity|ously)', 'sexuali[sz]ed behaviou?r', '{~sleep} around'],
  },
  {
    rule: 'consent-to-abuse',
    suggestion: 'a child cannot consent to their own abuse',
    patterns: [
      'consensual',
      '{~consent} (?:to )?(?:the )?(?:sex|sexual (?:activity|contact|intercourse|acts?)|intercourse|it|the abuse|the relationship)',
      'willing(?:ly)? (?:participant|participated|took part|went)',
      '{~be} (?:a )?willing (?:participant|partner|to (?:have sex|go with|meet (?:him|them|up)))',
      '{~agree} to (?:have )?(?:sex|sexual)',
    ],
  },
  {
    rule: 'streetwise-mature',
    suggestion: 'use "child" and the age; name the risk from others',
    patterns: [
      'street[- ]?(?:wise|smart)',
      'mature (?:for|beyond) (?:{POSS} )?(?:age|years)',
      'older than (?:{POSS} )?(?:age|years)',
      'acts? (?:much )?older than',
      '(?:very|quite|more|so) (?:mature|adult)(?! services)',
    ],
  },
  {
    rule: 'not-engaging',
    suggestion: 'professionals have not yet found a way to engage',
    patterns: [
      '{NEG} (?:{ADV} )?(?:been )?(?:engage|engages|engaged|engaging)(?! (?:the|a|an|his|her|their|parents|carers|family|families|school|schools|partners?|staff)\\b)',
      'non[- ]?(?:engagement|engaging|engager|compliant|compliance)',
      'dis[- ]?engag(?:ed|es|ing|ement)',
      '(?:{~refuse|fail|decline}|unwilling|reluctant|difficult|won\'t|will not|wouldn\'t) (?:{ADV} )?to engage',
      'hard[- ]to[- ](?:reach|engage)',
      'uncooperative',
    ],
  },
  {
    rule: 'absconding',
    suggestion: 'missing from care',
    patterns: ['abscond(?:ed|ing|s|er|ers|ence)?'],
  },
];
