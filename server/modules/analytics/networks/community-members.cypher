// What describes each member of a peer community in [$from, $to): age, sex, exploitation types,
// places / schools / online spaces, persons of concern and county lines linked to them.
UNWIND $ids AS memberId
MATCH (p:Person {id: memberId})
WHERE VISIBLE_NODE(p)
RETURN p.id AS id, toString(p.dateOfBirth) AS dob, p.sex AS sex,
  COLLECT {
    MATCH (ra:RiskAssessment)-[about:ABOUT|INVOLVED]-(p)
    WHERE ra.occurredAt < datetime($to) AND ra.occurredAt >= datetime($from) - duration({months: 9})
      AND ra.exploitationType IS NOT NULL AND VISIBLE_NODE(ra) AND VISIBLE_REL(about)
    RETURN ra.exploitationType AS v
    UNION
    MATCH (exploiter:PersonOfConcern)-[x:EXPLOITS]->(p)
    WHERE x.exploitationType IS NOT NULL AND coalesce(x.status, 'confirmed') <> 'expired'
      AND coalesce(x.validFrom, datetime($from)) < datetime($to) AND VISIBLE_REL(x) AND VISIBLE_NODE(exploiter)
    RETURN x.exploitationType AS v
  } AS exploitation,
  COLLECT {
    MATCH (p)<-[inv:INVOLVED]-(e:Event)-[at:AT]->(c:Context)
    WHERE (c:Location OR c:School OR c:OnlineSpace)
      AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
      AND VISIBLE_NODE(e) AND VISIBLE_REL(inv) AND VISIBLE_REL(at)
    RETURN {id: c.id, name: c.name, kind: [l IN labels(c) WHERE l IN ['Location', 'School', 'OnlineSpace']][0]} AS v
    UNION ALL
    MATCH (p)-[r:FREQUENTS|ATTENDS|ACTIVE_ON]->(c:Context)
    WHERE coalesce(r.status, 'confirmed') <> 'expired'
      AND coalesce(r.validFrom, datetime($from)) < datetime($to) AND (r.validTo IS NULL OR r.validTo >= datetime($from))
      AND VISIBLE_REL(r)
    RETURN {id: c.id, name: c.name, kind: [l IN labels(c) WHERE l IN ['Location', 'School', 'OnlineSpace']][0]} AS v
  } AS places,
  COLLECT {
    MATCH (poc:PersonOfConcern)-[r:EXPLOITS|GROOMS|RECRUITS|ASSOCIATES_WITH]-(p)
    WHERE coalesce(r.status, 'confirmed') <> 'expired'
      AND coalesce(r.validFrom, datetime($from)) < datetime($to) AND (r.validTo IS NULL OR r.validTo >= datetime($from))
      AND VISIBLE_REL(r) AND VISIBLE_NODE(poc)
    RETURN DISTINCT {id: poc.id, name: poc.name}
  } AS pocs,
  COLLECT {
    MATCH (p)-[r:LINKED_TO_LINE]->(l:CountyLine)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r)
    RETURN DISTINCT {id: l.id, name: l.name} AS v
    UNION
    MATCH (poc:PersonOfConcern)-[x:EXPLOITS|GROOMS|RECRUITS]->(p)
    MATCH (poc)-[r:LINKED_TO_LINE]->(l:CountyLine)
    WHERE coalesce(r.status, 'confirmed') <> 'expired' AND VISIBLE_REL(r) AND VISIBLE_REL(x) AND VISIBLE_NODE(poc)
    RETURN DISTINCT {id: l.id, name: l.name} AS v
  } AS lines
