// Children under 18 at the event (or of unknown age) with an outcome in [$from, $to), one row per
// child and event, with their characteristics, for disproportionality tables (aggregates only,
// never a ranking). $outcome picks which: 'suspect' (involved as suspect in any event), 'arrested'
// (an arrest as subject or suspect), 'excluded' (an exclusion), 'referredToPanel' (a PANEL or
// MACE referral), 'referredToNrm' (an NRM referral). $exploitationType, when given, keeps events
// that record that exploitation type.
MATCH (e:Event)-[inv:INVOLVED]->(p:YoungPerson)
WHERE e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND coalesce(e.status, 'confirmed') <> 'expired' AND VISIBLE_NODE(e) AND VISIBLE_REL(inv) AND VISIBLE_NODE(p) AND IN_BOROUGH(p)
  AND coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18})
  AND CASE $outcome
    WHEN 'suspect' THEN inv.role = 'suspect'
    WHEN 'arrested' THEN e:Arrest AND inv.role IN ['subject', 'suspect']
    WHEN 'excluded' THEN e:Exclusion AND inv.role = 'subject'
    WHEN 'referredToPanel' THEN e:Referral AND e.referralType IN ['PANEL', 'MACE'] AND inv.role IN ['subject', 'victim']
    WHEN 'referredToNrm' THEN e:Referral AND e.referralType = 'NRM' AND inv.role IN ['subject', 'victim']
    ELSE false END
  AND ($exploitationType IS NULL OR e.exploitationType = $exploitationType)
RETURN DISTINCT p.id AS childId, e.occurredAt.epochMillis AS atMs, toString(p.dateOfBirth) AS dob, p.sex AS sex,
  p.ethnicity AS ethnicity, p.sen AS sen, p.careStatus AS careStatus,
  p.faith AS faith, p.immigrationStatus AS immigrationStatus, p.neurodiversity AS neurodiversity, p.firstLanguage AS firstLanguage
