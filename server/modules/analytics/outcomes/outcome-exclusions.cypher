// Children excluded from school in [$from, $to) (the child the exclusion happened to, under 18 or
// of unknown age), with their SEN provision and whether, in the $afterDays days after their first
// exclusion in the period, they were assessed at risk (a CEAM level above none) or went missing.
MATCH (e:Exclusion)-[i:INVOLVED]->(p:YoungPerson)
WHERE i.role IN ['subject', 'victim'] AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(i) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18})
WITH p, min(e.occurredAt) AS first
RETURN p.id AS childId, p.sen AS sen, first.epochMillis AS atMs,
  EXISTS {
    MATCH (ra:RiskAssessment)-[a:ABOUT|INVOLVED]-(p)
    WHERE ra.occurredAt > first AND ra.occurredAt <= first + duration({days: $afterDays}) AND ra.riskLevel <> 'none'
      AND coalesce(ra.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(ra) AND VISIBLE_REL(a)
  } AS atRiskAfter,
  EXISTS {
    MATCH (m:MissingEpisode)-[mi:INVOLVED]->(p)
    WHERE m.occurredAt > first AND m.occurredAt <= first + duration({days: $afterDays})
      AND coalesce(m.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(m) AND VISIBLE_REL(mi)
  } AS missingAfter
ORDER BY childId
