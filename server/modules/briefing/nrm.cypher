// National Referral Mechanism referrals in [$from, $to): stage and exploitation type, per child.
MATCH (r:Referral {referralType: 'NRM'})
WHERE r.occurredAt >= datetime($from) AND r.occurredAt < datetime($to)
  AND coalesce(r.status, 'confirmed') <> 'expired' AND NOT coalesce(r.handling, '') IN $hiddenHandling
RETURN r.id AS id, coalesce(r.nrmStage, 'referral') AS stage, coalesce(r.exploitationType, 'NOT_RECORDED') AS exploitationType,
  [(r)-[:INVOLVED|ABOUT]-(p:YoungPerson) | p.id] AS childIds
