// visibility: exempt, entity resolution compares and merges every person record (resolution roles, logged)
// Every current person record (merged duplicates excluded), for blocking and scoring.
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, toString(p.dateOfBirth) AS dateOfBirth, p.sex AS sex,
       p.postcodeArea AS postcodeArea, p.aliases AS aliases, p.source AS source,
       p.nhsNumber AS nhsNumber, p.identifiers AS identifiers
