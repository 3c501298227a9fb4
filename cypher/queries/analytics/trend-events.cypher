// Missing episodes, exclusions, referrals and disruption actions in [$from, $to), with the young
// people involved (for distinct and repeat counts).
MATCH (e:Event)
WHERE (e:MissingEpisode OR e:Exclusion OR e:Referral OR e:DisruptionAction)
  AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND coalesce(e.status, 'confirmed') <> 'expired' AND NOT coalesce(e.handling, '') IN $hiddenHandling
RETURN e.id AS id, [l IN labels(e) WHERE l IN ['MissingEpisode', 'Exclusion', 'Referral', 'DisruptionAction']][0] AS kind,
  e.occurredAt.epochMillis AS atMs, e.referralType AS referralType,
  [(e)-[:INVOLVED]->(p:YoungPerson) | p.id] AS childIds
