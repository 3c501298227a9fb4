// Children (under 18 at $to, or of unknown age: never taken for adults) in the family or household
// of each person of concern in $pocIds: recorded siblings, siblings through a shared parent or
// carer, the person's own children, and children sharing their household. A link counts while it
// is current at $to (begun, not ended, not expired). Known: a referral of a type in
// $knownReferralTypes before $to, or a care status in $knownCareStatuses.
UNWIND $pocIds AS pocId
MATCH (poc:Person {id: pocId})
WHERE VISIBLE_NODE(poc)
CALL {
  WITH poc
  MATCH (poc)-[l:SIBLING_OF|LIVES_WITH]-(c:YoungPerson)
  WHERE VISIBLE_REL(l) AND VISIBLE_NODE(c)
  RETURN c, CASE type(l) WHEN 'SIBLING_OF' THEN 'sibling' ELSE 'household' END AS relation, l.siblingKind AS kind, [l] AS links
  UNION
  WITH poc
  MATCH (poc)<-[a:PARENT_OF]-(parent:Person)-[b:PARENT_OF]->(c:YoungPerson)
  WHERE VISIBLE_REL(a) AND VISIBLE_REL(b) AND VISIBLE_NODE(parent) AND VISIBLE_NODE(c)
  RETURN c, 'siblingThroughParent' AS relation, b.parentKind AS kind, [a, b] AS links
  UNION
  WITH poc
  MATCH (poc)-[l:PARENT_OF]->(c:YoungPerson)
  WHERE VISIBLE_REL(l) AND VISIBLE_NODE(c)
  RETURN c, 'childOf' AS relation, l.parentKind AS kind, [l] AS links
}
WITH poc, c, relation, kind, links
WHERE c <> poc
  AND all(l IN links WHERE coalesce(l.status, 'confirmed') <> 'expired'
    AND (l.validFrom IS NULL OR l.validFrom < datetime($to)) AND (l.validTo IS NULL OR l.validTo >= datetime($to)))
  AND coalesce(c.dobLatest, c.dateOfBirth, date('9999-12-31')) > date(datetime($to)) - duration({years: 18})
RETURN poc.id AS personOfConcernId, c.id AS id, c.name AS name, toString(c.dateOfBirth) AS dob,
  relation, kind, [l IN links | l.id] AS linkIds, [l IN links | coalesce(l.status, 'confirmed')] AS statuses,
  [l IN links | {gradingScheme: l.gradingScheme, sourceEval: l.sourceEval, assessment: l.assessment, handling: l.handling}] AS gradings,
  coalesce(c.careStatus, '') IN $knownCareStatuses OR EXISTS {
    MATCH (ref:Referral)-[about:INVOLVED|ABOUT]-(c)
    WHERE ref.referralType IN $knownReferralTypes AND ref.occurredAt < datetime($to)
      AND coalesce(ref.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ref) AND VISIBLE_REL(about)
  } AS known
ORDER BY personOfConcernId, id, relation
