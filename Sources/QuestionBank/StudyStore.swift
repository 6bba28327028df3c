import Foundation
import GRDB

// Study state in the bank: the FSRS card of every studied item (`card`) and the log of every answer
// (`review_log`). A card row exists once an item has been answered at least once; an item without one is new.

extension CardRecord {
    /// The card key of a bank question (`q:<question id>`).
    public static func key(question id: String) -> String { "q:" + id }

    /// The question id of a `q:` key, nil for other keys (exercise cards).
    public static func questionID(key: String) -> String? {
        key.hasPrefix("q:") ? String(key.dropFirst(2)) : nil
    }
}

extension QuestionBank {
    /// The card rows with these keys (keys without a row are left out: those items are new).
    public func cards(keys: [String]) throws -> [String: CardRecord] {
        try guarded {
            try writer.read { db in
                var found: [String: CardRecord] = [:]
                // SQLite limits the number of bound parameters; a bank has far fewer cards, but stay safe.
                var start = 0
                while start < keys.count {
                    let chunk = Array(keys[start..<min(start + 500, keys.count)])
                    for card in try CardRecord.filter(chunk.contains(Column("key"))).fetchAll(db) {
                        found[card.key] = card
                    }
                    start += 500
                }
                return found
            }
        }
    }

    /// Every card row, ordered by due time then key.
    public func allCards() throws -> [CardRecord] {
        try guarded { try writer.read { db in try CardRecord.order(Column("due"), Column("key")).fetchAll(db) } }
    }

    /// Every review, oldest first (ties in insertion order).
    public func reviewLog() throws -> [ReviewLogRecord] {
        try guarded {
            try writer.read { db in try ReviewLogRecord.order(Column("reviewed_at"), Column("id")).fetchAll(db) }
        }
    }

    /// Question id → topic, for every question in the bank.
    public func questionTopics() throws -> [String: String] {
        try guarded {
            try writer.read { db in
                var topics: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, topic FROM question") {
                    let id: String = row["id"]
                    topics[id] = row["topic"]
                }
                return topics
            }
        }
    }

    /// Saves one answer in ONE transaction: the card's new state (inserted or replaced) and its review-log
    /// row. Either both are written or neither. Returns the log row with its id.
    @discardableResult
    public func recordReview(card: CardRecord, log: ReviewLogRecord) throws -> ReviewLogRecord {
        try guarded {
            try writer.write { db in
                try card.save(db)
                var row = log
                try row.insert(db)
                return row
            }
        }
    }
}
