// Children (under 18 at $to, or of unknown age: never taken for adults) with harm as victims, signs of exploitation or missing episodes in
// [$from, $to), who were not known to a panel or plan by $to; every part with its evidence.
// Known: a referral of a type in $knownReferralTypes before $to, or a care status in
// $knownCareStatuses. Only involvement as victim, subject or suspect counts (never witness or
// reporter). $harmLabels: event labels that carry a harm weight; $coercionOffences: offences
// read as possible coercion when the child is the suspect or subject; $signsFound: what a child
// found with (foundWith) is a sign of exploitation.
CALL {
  MATCH (p:YoungPerson)<-[inv:INVOLVED]-(e:Event)
  WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) AND VISIBLE_NODE(e) AND VISIBLE_REL(inv)
  RETURN DISTINCT p
  UNION
  MATCH (p:YoungPerson)<-[x:EXPLOITS|GROOMS|RECRUITS]-(a:Person)
  WHERE VISIBLE_REL(x) AND VISIBLE_NODE(a)
  RETURN DISTINCT p
  UNION
  MATCH (p:YoungPerson)-[l:LINKED_TO_LINE]->(:CountyLine)
  WHERE VISIBLE_REL(l)
  RETURN DISTINCT p
}
WITH p
WHERE VISIBLE_NODE(p) AND IN_BOROUGH(p) AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(datetime($to)) - duration({years: 18})
  AND NOT coalesce(p.careStatus, '') IN $knownCareStatuses
  AND NOT EXISTS {
    MATCH (ref:Referral)-[about:INVOLVED|ABOUT]-(p)
    WHERE ref.referralType IN $knownReferralTypes AND ref.occurredAt < datetime($to)
      AND coalesce(ref.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ref) AND VISIBLE_REL(about)
  }
CALL {
  WITH p
  OPTIONAL MATCH (p)<-[inv:INVOLVED]-(e:Event)
  WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
    AND inv.role IN ['victim', 'subject', 'suspect']
    AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(inv)
  RETURN collect(DISTINCT {e: e, role: inv.role}) AS involvements
}
WITH p, [x IN involvements WHERE x.e IS NOT NULL] AS involvements
RETURN p.id AS id, p.name AS name, toString(p.dateOfBirth) AS dob,
  [x IN involvements WHERE x.role = 'victim' AND any(l IN labels(x.e) WHERE l IN $harmLabels) | {
    id: x.e.id, kind: [l IN labels(x.e) WHERE NOT l IN ['Entity', 'Event']][0],
    offenceType: x.e.offenceType, injuryKind: x.e.kind, atMs: x.e.occurredAt.epochMillis,
    gradingScheme: x.e.gradingScheme, sourceEval: x.e.sourceEval, assessment: x.e.assessment}] AS events,
  [x IN involvements WHERE x.role IN ['suspect', 'subject'] AND any(l IN labels(x.e) WHERE l IN ['Incident', 'Arrest'])
    AND x.e.offenceType IN $coercionOffences | {id: x.e.id, offenceType: x.e.offenceType, atMs: x.e.occurredAt.epochMillis}] AS coercionEvents,
  [x IN involvements WHERE x.e:MissingEpisode AND x.role IN ['subject', 'victim'] | {
    id: x.e.id, atMs: x.e.occurredAt.epochMillis,
    foundOutOfBorough: coalesce(x.e.foundOutOfBorough, false), countyLinesConcern: coalesce(x.e.countyLinesConcern, false)}] AS missing,
  [x IN involvements WHERE x.role IN ['subject', 'suspect'] AND any(f IN coalesce(x.e.foundWith, []) WHERE f IN $signsFound) | {
    id: x.e.id, atMs: x.e.occurredAt.epochMillis}] AS foundWithSigns,
  COLLECT {
    MATCH (p)-[l:LINKED_TO_LINE]->(c:CountyLine)
    WHERE coalesce(l.status, 'confirmed') <> 'expired' AND VISIBLE_REL(l)
      AND (l.validTo IS NULL OR l.validTo >= datetime($from))
    RETURN DISTINCT c.id
  } AS countyLines,
  COLLECT {
    MATCH (a:Person)-[r:EXPLOITS|GROOMS|RECRUITS]->(p)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_NODE(a)
      AND (r.validTo IS NULL OR r.validTo >= datetime($from))
    RETURN DISTINCT type(r) + ':' + a.id
  } AS targetedBy,
  COLLECT {
    MATCH (ref:Referral)-[about:INVOLVED|ABOUT]-(p)
    WHERE ref.occurredAt < datetime($to)
      AND coalesce(ref.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ref) AND VISIBLE_REL(about)
    RETURN DISTINCT ref.referralType
  } AS otherReferrals
