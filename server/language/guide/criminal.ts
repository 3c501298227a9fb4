/** Rules from the guide's criminal exploitation, county lines and financial exploitation sections. */
import type { LanguageRule } from '../rules';
import { NOT_OF_ADULTS } from '../grammar';

export const CRIMINAL_RULES: LanguageRule[] = [
  {
    rule: 'drug-debt',
    section: 'criminal',
    suggestion: 'is held in debt bondage by the people exploiting them (a debt they were made to owe)',
    patterns: [
      '{~owe} (?:{ANY} ){0,2}(?:money|cash|a debt|debts|£ ?\\d[\\d,]*)',
      'drugs? debts?',
      '(?:{~get}|{~run}|{~fall}) (?:up )?(?:a |into )?(?:{ANY} )?debts? (?:with|to)',
      'in debt (?:to|with) (?:the |a |an |his |her |their )?(?:dealers?|olders|elders|group|gang|line|men|males)',
      '{~work|pay} off (?:the |a |his |her |their )?(?:debt|package|loss)',
    ],
  },
  {
    rule: 'plugging',
    section: 'criminal',
    suggestion: 'was forced to conceal drugs internally (child criminal exploitation; a serious harm to the child)',
    patterns: [
      'plugging(?! in)',
      '{~plug} (?:the |a |some )?(?:{DRUGS})',
      '{~conceal|hide|carry|hold|store|keep} (?:the |some )?{DRUGS} (?:internally|inside (?:{POSS}|the) body|in (?:{POSS}|the) (?:body|rectum|vagina|bottom|anus))',
      'internal(?:ly)? conceal(?:ment|ing|ed)',
    ],
  },
  {
    rule: 'money-mule',
    section: 'financial',
    suggestion: 'is a victim of child financial exploitation: their bank account is being used by others',
    patterns: [
      'money[- ]mul(?:e|es|ing)',
      '{~let|allow} (?:{ANY} ){0,3}(?:use|access|borrow|go through|pass through|run through) {POSS} (?:bank )?(?:accounts?|cards?|details)',
      '(?:{~sell|lend|rent|give|share}|{~hand} over) (?:out )?{POSS} (?:bank )?(?:accounts?|cards?|details|sort code)',
      '{~move|launder|transfer|pass|put|run} (?:{ANY} ){0,2}(?:money|cash|funds|payments) (?:{ANY} ){0,2}(?:through|via|into) {POSS} (?:bank )?accounts?',
    ],
  },
  {
    rule: 'motivated-by-gain',
    section: 'criminal',
    suggestion: 'describe the grooming: exploiters use money, gifts, status and attention as lures',
    patterns: [
      'motivated by (?:the )?(?:money|financial gain|greed|status|cash|material gain|gifts|the lifestyle)',
      '{~enjoy|like|love|want} (?:the |all the |having |getting |making )(?:money|status|attention|lifestyle|gifts|cash|power|respect|buzz|thrill|excitement|designer (?:clothes|trainers)|easy money|reputation)(?! (?:management|of the service))',
      'in it for the (?:money|status|cash|gifts)',
      '(?:easy|quick|fast) (?:money|cash)',
      'attracted (?:by|to) the (?:money|lifestyle|status|cash)',
    ],
  },
  {
    rule: 'gang-roles',
    section: 'roles',
    suggestion: 'child being criminally exploited; name the role the exploiters forced on them',
    patterns: [
      `${NOT_OF_ADULTS}(?:{~be}|as) (?:a|an|one of the) (?:{ANY} )?(?:shotter|drug dealer|dealer|drug mule|mule|trapper|roadman|nominal)s?(?!-)`,
      'runners? for',
      '(?:drug|county lines?|line) runners?',
      'foot[- ]?soldiers?',
      'shotters?',
      'youngers',
      'drugs? mules?',
    ],
  },
  {
    rule: 'offender-labels',
    section: 'roles',
    suggestion: 'a child harmed and alleged to harm: describe what happened and who exploited them',
    patterns: [
      '(?:young|juvenile|child|prolific young|persistent young) offenders?(?! (?:institution|team|service|panel))',
      '(?:juvenile )?delinquents?',
      'trouble[- ]?makers?',
      '(?:1[0-7]|1[0-7][- ](?:year|yr)[- ]old|child|boy|girl|teenager|young person|yp),? (?:is|was) (?:a |an |the )?(?:known |prolific |persistent |serious )?(?:criminal|perpetrator|offender|aggressor)',
    ],
  },
];
