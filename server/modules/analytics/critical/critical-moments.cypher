// Critical moments of children in [$from, $to): exclusions, injuries, arrests (by occurredAt) and
// returns from missing (by returnedAt); with return interviews, referrals and risk assessments
// (plan reviews) that followed within $followUpDays, up to $asOf. Only the child the moment
// happened to counts (role in $momentRoles: never a witness or reporter). knownBy: how the child
// was already known at the moment (a referral of a type in $knownReferralTypes in the
// $knownLookbackDays before it, or a care status in $knownCareStatuses).
CALL {
  MATCH (e:Exclusion)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, p, e.occurredAt AS at, 'Exclusion' AS kind
  UNION
  MATCH (e:Injury)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, p, e.occurredAt AS at, 'Injury' AS kind
  UNION
  MATCH (e:Arrest)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, p, e.occurredAt AS at, 'Arrest' AS kind
  UNION
  MATCH (e:MissingEpisode)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.returnedAt >= datetime($from) AND e.returnedAt < datetime($to)
  RETURN e, p, e.returnedAt AS at, 'ReturnFromMissing' AS kind
}
WITH e, p, at, kind
WHERE coalesce(e.status, 'confirmed') <> 'expired'
  AND NOT coalesce(e.handling, '') IN $hiddenHandling
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(at) - duration({years: 18})
WITH DISTINCT e, p, at, kind
RETURN e.id AS eventId, kind, at.epochMillis AS atMs, p.id AS childId, p.name AS childName,
  COLLECT {
    MATCH (r:ReturnInterview)-[:FOLLOWS_UP]->(e)
    WHERE coalesce(r.status, 'confirmed') <> 'expired'
      AND (EXISTS { (r)-[:INVOLVED]->(p) } OR NOT EXISTS { (r)-[:INVOLVED]->(:Person) })
    RETURN {id: r.id, outcome: r.outcome, atMs: r.occurredAt.epochMillis, offeredMs: r.offeredAt.epochMillis}
  } AS interviews,
  COLLECT {
    MATCH (ref:Referral)-[:INVOLVED|ABOUT]-(p)
    WHERE ref.occurredAt >= at AND ref.occurredAt <= at + duration({days: $followUpDays})
      AND ref.occurredAt <= datetime($asOf)
    RETURN ref.id
  } AS referralIds,
  COLLECT {
    MATCH (ra:RiskAssessment)-[:INVOLVED|ABOUT]-(p)
    WHERE ra.occurredAt >= at AND ra.occurredAt <= at + duration({days: $followUpDays})
      AND ra.occurredAt <= datetime($asOf)
    RETURN ra.id
  } AS reviewIds,
  COLLECT {
    MATCH (ref:Referral)-[:INVOLVED|ABOUT]-(p)
    WHERE ref.referralType IN $knownReferralTypes AND ref.occurredAt < at
      AND ref.occurredAt >= at - duration({days: $knownLookbackDays})
      AND coalesce(ref.status, 'confirmed') <> 'expired' AND NOT coalesce(ref.handling, '') IN $hiddenHandling
    RETURN DISTINCT ref.referralType
  } + CASE WHEN p.careStatus IN $knownCareStatuses THEN [p.careStatus] ELSE [] END AS knownBy
ORDER BY atMs, eventId, childId
