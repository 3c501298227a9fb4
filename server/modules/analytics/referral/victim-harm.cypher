// Children harmed as victims in [$from, $to) (victim under 18 at the event) who had no PANEL or
// MACE referral before $to; with every victim event and the referral types they did have.
// $harmLabels: the event labels that carry a harm weight (from the weight table).
MATCH (e:Event)
WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND any(l IN labels(e) WHERE l IN $harmLabels)
MATCH (e)-[:INVOLVED {role: 'victim'}]->(p:YoungPerson)
WHERE true
  AND coalesce(e.status, 'confirmed') <> 'expired'
  AND NOT coalesce(e.handling, '') IN $hiddenHandling
  AND p.dateOfBirth > date(e.occurredAt) - duration({years: 18})
WITH p, collect(DISTINCT e) AS evs
WHERE NOT EXISTS {
  MATCH (ref:Referral)-[:INVOLVED|ABOUT]-(p)
  WHERE ref.referralType IN ['PANEL', 'MACE'] AND ref.occurredAt < datetime($to)
}
RETURN p.id AS id, p.name AS name, toString(p.dateOfBirth) AS dob,
  [e IN evs | {id: e.id, kind: [l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0],
    offenceType: e.offenceType, injuryKind: e.kind, atMs: e.occurredAt.epochMillis,
    gradingScheme: e.gradingScheme, sourceEval: e.sourceEval, assessment: e.assessment}] AS events,
  COLLECT {
    MATCH (ref:Referral)-[:INVOLVED|ABOUT]-(p) WHERE ref.occurredAt < datetime($to)
    RETURN DISTINCT ref.referralType
  } AS otherReferrals
