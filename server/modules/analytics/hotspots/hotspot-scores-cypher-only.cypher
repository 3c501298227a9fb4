// Benchmark alternative (scripts/bench/analytics.ts): the hotspot score computed entirely in
// Cypher for [$from, $to), with the weight tables passed as maps. The service uses
// hotspot-events.cypher + TypeScript scoring instead (same numbers; see the bench for both times).
MATCH (c:Context)<-[at:AT]-(e:Event)
WHERE any(l IN labels(c) WHERE l IN $kinds)
  AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND coalesce(e.status, 'confirmed') <> 'expired'
  AND VISIBLE_NODE(e) AND VISIBLE_REL(at)
WITH c, e,
  CASE WHEN e:Incident THEN coalesce($offences[e.offenceType], 0)
       WHEN e:Injury THEN coalesce($injuries[e.kind], 0) ELSE 0 END AS harm,
  CASE WHEN e.gradingScheme = '5x5x5' THEN coalesce($se5[e.sourceEval], 0.75) ELSE coalesce($se3[e.sourceEval], 0.75) END
    * coalesce($as[e.assessment], 0.65) AS grade,
  0.5 ^ ((datetime($to).epochMillis - e.occurredAt.epochMillis) / 86400000.0 / $halfLife) AS decay
WITH c, e, harm * grade * decay AS s
CALL {
  WITH e
  OPTIONAL MATCH (e)-[inv:INVOLVED]->(p:Person)
  WHERE VISIBLE_REL(inv) AND VISIBLE_NODE(p)
  WITH e, p, coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18}) AS child
  RETURN collect(CASE WHEN child THEN p.id END) AS kids, collect(CASE WHEN p:PersonOfConcern AND NOT child THEN p.id END) AS pocs
}
WITH c, sum(s) AS score, count(e) AS events,
  sum(CASE WHEN size(kids) > 0 AND size(pocs) > 0 THEN 1 ELSE 0 END) AS coPresence,
  collect(kids) AS kk, collect(pocs) AS pp
RETURN c.id AS id, score, events, coPresence,
  size(reduce(a = [], l IN kk | a + [x IN l WHERE NOT x IN a])) AS children,
  size(reduce(a = [], l IN pp | a + [x IN l WHERE NOT x IN a])) AS personsOfConcern
ORDER BY score DESC, id LIMIT $limit
