// Takes the write locks of the records a transaction touches, before it reads anything: the
// records named and, with $withLinked, every record linked to them (the far ends of the
// relationships a merge or undo moves). All in one statement, in id order, so two transactions
// never wait on each other in a circle; the second reads what the first committed. (Neo4j reads
// without locks; a lock is held until the transaction ends, so setting and removing a property
// in one statement is enough to take it.)
MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)--(x:Entity) WHERE $withLinked
WITH collect(n) + collect(x) AS found
UNWIND found AS m
WITH DISTINCT m ORDER BY m.id
SET m.lockedBy = 'lock'
REMOVE m.lockedBy
RETURN count(m) AS locked
