// Young people with a recorded date of birth who may be 18 to 25 at the quarter's end (the exact
// age test is the pure code's, cohort.ts) and who are known to the partnership in [$from, $to):
// involved in an event, or the subject of a report, action, assessment or referral, in the quarter.
// Per person: whether they now also hold the PersonOfConcern role; Adults at Risk Panel referrals
// from their 18th birthday to $to; the incidents and injuries in the quarter in which they were
// harmed as a victim. Fairness fields and protected characteristics are not read.
MATCH (p:YoungPerson)
WHERE p.dateOfBirth IS NOT NULL
  AND p.dateOfBirth <= date(datetime($to)) - duration({years: 17})
  AND p.dateOfBirth > date(datetime($to)) - duration({years: 27})
  AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND EXISTS {
    MATCH (e:Event)-[r:INVOLVED|ABOUT]->(p)
    WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
      AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(r)
  }
RETURN p.id AS id, toString(p.dateOfBirth) AS dob, p:PersonOfConcern AS personOfConcern,
  COLLECT {
    MATCH (x:Referral)-[r:INVOLVED|ABOUT]->(p)
    WHERE x.referralType = 'ADULTS_AT_RISK' AND x.occurredAt < datetime($to)
      AND x.occurredAt >= datetime({date: p.dateOfBirth + duration({years: 18})})
      AND coalesce(x.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(x) AND VISIBLE_REL(r)
    RETURN DISTINCT x.id AS id ORDER BY id
  } AS adultsAtRiskReferrals,
  COLLECT {
    MATCH (e:Event)-[r:INVOLVED {role: 'victim'}]->(p)
    WHERE (e:Incident OR e:Injury) AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
      AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(r)
    RETURN DISTINCT e.id AS id ORDER BY id
  } AS harmedAsVictim
ORDER BY id
