// Events at places, schools and online spaces in [$from, $to), with the children (under 18 at
// the event, any role) and adult persons of concern involved.
// $kinds: context labels from the whitelist in server/modules/analytics/types.ts.
MATCH (c:Context)<-[at:AT]-(e:Event)
WHERE any(l IN labels(c) WHERE l IN $kinds)
  AND e.occurredAt >= datetime($from) AND e.occurredAt < datetime($to)
  AND coalesce(e.status, 'confirmed') <> 'expired'
  AND VISIBLE_NODE(e) AND VISIBLE_REL(at) AND IN_BOROUGH(c)
OPTIONAL MATCH (e)-[inv:INVOLVED]->(p:Person)
WHERE VISIBLE_REL(inv) AND VISIBLE_NODE(p)
WITH c, e, p, coalesce(p.dobLatest, p.dateOfBirth, date('9999-12-31')) > date(e.occurredAt) - duration({years: 18}) AS child
WITH c, e, collect(CASE WHEN child THEN p.id END) AS kids,
  collect(CASE WHEN p:PersonOfConcern AND NOT child THEN p.id END) AS pocs
RETURN c.id AS placeId,
       [l IN labels(c) WHERE l IN $kinds][0] AS placeKind,
       c.name AS placeName, c.ward AS ward, c.lat AS lat, c.lon AS lon,
       e.id AS eventId,
       [l IN labels(e) WHERE NOT l IN ['Entity', 'Event']][0] AS eventKind,
       e.offenceType AS offenceType, e.kind AS injuryKind,
       e.occurredAt.epochMillis AS occurredMs,
       e.gradingScheme AS gradingScheme, e.sourceEval AS sourceEval, e.assessment AS assessment,
       kids, pocs
