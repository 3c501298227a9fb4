// Critical moments of children in [$from, $to): exclusions, injuries, arrests (by occurredAt) and
// returns from missing (by returnedAt); with return interviews, referrals and risk assessments
// (plan reviews) that followed within $followUpDays, up to $asOf. Only the child the moment
// happened to counts (role in $momentRoles: never a witness or reporter). knownBy: how the child
// was already known at the moment (a referral of a type in $knownReferralTypes in the
// $knownLookbackDays before it, or a care status in $knownCareStatuses).
CALL {
  MATCH (e:Exclusion)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, i, p, e.occurredAt AS at, 'Exclusion' AS kind
  UNION
  MATCH (e:Injury)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, i, p, e.occurredAt AS at, 'Injury' AS kind
  UNION
  MATCH (e:Arrest)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  RETURN e, i, p, e.occurredAt AS at, 'Arrest' AS kind
  UNION
  MATCH (e:MissingEpisode)-[i:INVOLVED]->(p:YoungPerson)
  WHERE i.role IN $momentRoles AND e.returnedAt >= datetime($from) AND e.returnedAt < datetime($to)
  RETURN e, i, p, e.returnedAt AS at, 'ReturnFromMissing' AS kind
}
WITH e, i, p, at, kind
WHERE coalesce(e.status, 'confirmed') <> 'expired'
  AND VISIBLE_NODE(e) AND VISIBLE_REL(i) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(at) - duration({years: 18})
WITH DISTINCT e, p, at, kind
RETURN e.id AS eventId, kind, at.epochMillis AS atMs, p.id AS childId, p.name AS childName,
  COLLECT {
    MATCH (r:ReturnInterview)-[fu:FOLLOWS_UP]->(e)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(r) AND VISIBLE_REL(fu)
      AND (EXISTS { MATCH (r)-[ri:INVOLVED]->(p) WHERE VISIBLE_REL(ri) }
        OR NOT EXISTS { MATCH (r)-[ro:INVOLVED]->(other:Person) WHERE VISIBLE_REL(ro) AND VISIBLE_NODE(other) })
    RETURN {id: r.id, outcome: r.outcome, atMs: r.occurredAt.epochMillis, offeredMs: r.offeredAt.epochMillis}
  } AS interviews,
  COLLECT {
    MATCH (ref:Referral)-[about:INVOLVED|ABOUT]-(p)
    WHERE ref.occurredAt >= at AND ref.occurredAt <= at + duration({days: $followUpDays})
      AND ref.occurredAt <= datetime($asOf) AND VISIBLE_NODE(ref) AND VISIBLE_REL(about)
    RETURN ref.id
  } AS referralIds,
  COLLECT {
    MATCH (ra:RiskAssessment)-[about:INVOLVED|ABOUT]-(p)
    WHERE ra.occurredAt >= at AND ra.occurredAt <= at + duration({days: $followUpDays})
      AND ra.occurredAt <= datetime($asOf) AND VISIBLE_NODE(ra) AND VISIBLE_REL(about)
    RETURN ra.id
  } AS reviewIds,
  COLLECT {
    MATCH (ref:Referral)-[about:INVOLVED|ABOUT]-(p)
    WHERE ref.referralType IN $knownReferralTypes AND ref.occurredAt < at
      AND ref.occurredAt >= at - duration({days: $knownLookbackDays})
      AND coalesce(ref.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ref) AND VISIBLE_REL(about)
    RETURN DISTINCT ref.referralType
  } + CASE WHEN p.careStatus IN $knownCareStatuses THEN [p.careStatus] ELSE [] END AS knownBy
ORDER BY atMs, eventId, childId
