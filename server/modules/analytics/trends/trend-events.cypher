// Missing episodes, exclusions, referrals and disruption actions in [$from, $to), with the young
// people involved (for distinct and repeat counts). One index seek per label.
CALL {
  MATCH (e:MissingEpisode) WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) RETURN e, 'MissingEpisode' AS kind
  UNION ALL
  MATCH (e:Exclusion) WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) RETURN e, 'Exclusion' AS kind
  UNION ALL
  MATCH (e:Referral) WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) RETURN e, 'Referral' AS kind
  UNION ALL
  MATCH (e:DisruptionAction) WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to) RETURN e, 'DisruptionAction' AS kind
}
WITH e, kind
WHERE coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND IN_BOROUGH(e)
RETURN e.id AS id, kind, e.occurredAt.epochMillis AS atMs, e.referralType AS referralType,
  CASE WHEN kind = 'MissingEpisode' THEN [(e)-[inv:INVOLVED]->(p:YoungPerson) WHERE VISIBLE_REL(inv) AND VISIBLE_NODE(p) | p.id] ELSE [] END AS childIds
