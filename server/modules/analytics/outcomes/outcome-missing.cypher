// Children missing in [$from, $to) (the child who went missing, under 18 or of unknown age), and
// whether there was a county-lines concern: recorded on an episode, or a criminal-exploitation
// (CCE) assessment or referral about the child in the $lookbackDays days before the period ended.
MATCH (m:MissingEpisode)-[i:INVOLVED]->(p:YoungPerson)
WHERE i.role IN ['subject', 'victim'] AND m.occurredAt >= datetime($from) AND m.occurredAt < datetime($to)
  AND coalesce(m.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(m) AND VISIBLE_REL(i) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(m.occurredAt) - duration({years: 18})
WITH p, max(CASE WHEN coalesce(m.countyLinesConcern, false) THEN 1 ELSE 0 END) = 1 AS countyLines
RETURN p.id AS childId, countyLines,
  EXISTS {
    MATCH (x:RiskAssessment|Referral)-[a:ABOUT|INVOLVED]-(p)
    WHERE x.exploitationType = 'CCE' AND x.occurredAt < datetime($to)
      AND x.occurredAt >= datetime($to) - duration({days: $lookbackDays})
      AND coalesce(x.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(x) AND VISIBLE_REL(a)
  } AS cceConcern
ORDER BY childId
