// National Referral Mechanism referrals in [$from, $to): stage and exploitation type, per child.
MATCH (r:Referral {referralType: 'NRM'})
WHERE r.occurredAt >= datetime($from) AND r.occurredAt < datetime($to)
  AND coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(r) AND IN_BOROUGH(r)
RETURN r.id AS id, coalesce(r.nrmStage, 'referral') AS stage, coalesce(r.exploitationType, 'NOT_RECORDED') AS exploitationType,
  [(r)-[about:INVOLVED|ABOUT]-(p:YoungPerson) WHERE VISIBLE_REL(about) AND VISIBLE_NODE(p) | p.id] AS childIds
ORDER BY id
