// CEAM risk assessments about young people in [$from, $to), with the child's characteristics for
// aggregate trend and disproportionality tables (never for ranking people). Only children: under
// 18 at the assessment, or of unknown age (an unknown age is never taken for an adult's).
MATCH (ra:RiskAssessment)-[about:ABOUT|INVOLVED]-(p:YoungPerson)
WHERE ra.occurredAt >= datetime($from) AND ra.occurredAt < datetime($to)
  AND coalesce(ra.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ra) AND VISIBLE_REL(about) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(ra.occurredAt) - duration({years: 18})
RETURN DISTINCT ra.id AS id, p.id AS childId, ra.occurredAt.epochMillis AS atMs, ra.riskLevel AS riskLevel,
  ra.exploitationType AS exploitationType, toString(p.dateOfBirth) AS dob, p.sex AS sex,
  p.ethnicity AS ethnicity, p.sen AS sen, p.careStatus AS careStatus,
  p.faith AS faith, p.immigrationStatus AS immigrationStatus, p.neurodiversity AS neurodiversity, p.firstLanguage AS firstLanguage
