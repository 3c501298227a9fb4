// visibility: exempt, retention runs as the data controller over every record (admin commands, logged)
// What erasing a person removes: the person, duplicate records merged into them (also through
// records merged into those: B into A into D; bounded like undo's chain), and the events
// that are only about them (every person an event involves or is about is in that set), plus
// follow-ups (e.g. a return interview) of those events that involve no one else.
MATCH (p:Entity {id: $id}) WHERE p:Person OR p:MergedRecord
OPTIONAL MATCH (d:MergedRecord)-[:MERGED_INTO*1..32]->(p)
WITH p, [p.id] + collect(DISTINCT d.id) AS selves
UNWIND selves AS sid
MATCH (s:Entity {id: sid})
OPTIONAL MATCH (e:Event)-[:INVOLVED|ABOUT]->(s)
WITH selves, collect(DISTINCT e) AS touched
WITH selves, [e IN touched WHERE NOT EXISTS {
  MATCH (e)-[:INVOLVED|ABOUT]->(o:Entity) WHERE (o:Person OR o:MergedRecord) AND NOT o.id IN selves
}] AS only
OPTIONAL MATCH (f:Event)-[:FOLLOWS_UP]->(x:Event) WHERE x IN only AND NOT EXISTS {
  MATCH (f)-[:INVOLVED|ABOUT]->(o:Entity) WHERE (o:Person OR o:MergedRecord) AND NOT o.id IN selves
}
WITH selves, only, collect(DISTINCT f) AS followUps
RETURN selves, [e IN only | e.id] + [f IN followUps WHERE NOT f IN only | f.id] AS events
