import Foundation
import LearningData

/// A cell of a notebook.
public struct Cell: Sendable {
    /// "code", "markdown" or "raw".
    public var kind: String
    /// Its text.
    public var source: String
    /// Code cells: the outputs as stored (nbformat output objects).
    public var outputs: [JSON]
    /// Code cells: the execution count, nil when never run.
    public var executionCount: Int?
    /// Everything else the cell holds (metadata, id, attachments), kept as it was.
    public var rest: [String: JSON]

    /// A new cell.
    public init(kind: String, source: String, outputs: [JSON] = [], executionCount: Int? = nil, rest: [String: JSON] = ["metadata": .object([:])]) {
        self.kind = kind
        self.source = source
        self.outputs = outputs
        self.executionCount = executionCount
        self.rest = rest
    }
}

/// A Jupyter notebook (nbformat 4) whose code cells are written in the query language.
public struct Notebook: Sendable {
    /// The cells, in order.
    public var cells: [Cell]
    /// The notebook's metadata; the kernel spec says `language: khuyenhoc`.
    public var metadata: JSON
    /// nbformat's minor version.
    public var minor: Int

    /// The metadata of a khuyenhoc notebook.
    public static let standardMetadata: JSON = .object([
        "kernelspec": .object(["display_name": .string("khuyenhoc"), "language": .string("khuyenhoc"), "name": .string("khuyenhoc")]),
        "language_info": .object(["file_extension": .string(".khq"), "mimetype": .string("text/x-khuyenhoc"), "name": .string("khuyenhoc")]),
    ])

    /// A notebook of these cells.
    public init(cells: [Cell], metadata: JSON = Notebook.standardMetadata, minor: Int = 4) {
        self.cells = cells
        self.metadata = metadata
        self.minor = minor
    }

    /// Reads a notebook from its JSON.
    public init(json: JSON) throws(NotebookError) {
        guard case .number(4)? = json["nbformat"] else { throw NotebookError("not an nbformat 4 notebook") }
        guard case let .array(rawCells)? = json["cells"] else { throw NotebookError("the notebook has no cells list") }
        var cells: [Cell] = []
        for (i, raw) in rawCells.enumerated() {
            guard case var .object(fields) = raw, case let .string(kind)? = fields["cell_type"] else {
                throw NotebookError("cell \(i + 1) has no cell_type")
            }
            let source = fields["source"]?.text ?? ""
            var outputs: [JSON] = []
            if case let .array(items)? = fields["outputs"] { outputs = items }
            var count: Int? = nil
            if case let .number(n)? = fields["execution_count"] { count = Int(exactly: n) }
            for key in ["cell_type", "source", "outputs", "execution_count"] { fields[key] = nil }
            cells.append(Cell(kind: kind, source: source, outputs: outputs, executionCount: count, rest: fields))
        }
        self.cells = cells
        metadata = json["metadata"] ?? Notebook.standardMetadata
        if case let .number(m)? = json["nbformat_minor"], let exact = Int(exactly: m) { minor = exact } else { minor = 4 }
    }

    /// The notebook as JSON.
    public var json: JSON {
        .object([
            "cells": .array(cells.map { cell in
                var fields = cell.rest
                fields["cell_type"] = .string(cell.kind)
                fields["source"] = JSON.lines(cell.source)
                if fields["metadata"] == nil { fields["metadata"] = .object([:]) }
                if cell.kind == "code" {
                    fields["outputs"] = .array(cell.outputs)
                    fields["execution_count"] = cell.executionCount.map { .number(Double($0)) } ?? .null
                }
                return .object(fields)
            }),
            "metadata": metadata,
            "nbformat": .number(4),
            "nbformat_minor": .number(Double(minor)),
        ])
    }

    /// Reads a notebook file.
    public static func load(_ path: String) throws(NotebookError) -> Notebook {
        guard let data = FileManager.default.contents(atPath: path) else { throw NotebookError("cannot read \(path)") }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else { throw NotebookError("\(path) is not UTF-8") }
        do { return try Notebook(json: try JSON.parse(text)) } catch let error as JSONError {
            throw NotebookError("\(path):\(error)")
        } catch {
            throw NotebookError("\(path): \(error)")
        }
    }

    /// Writes the notebook through ``AtomicFile``: whole or not at all, keeping the file's mode,
    /// owner and symbolic links.
    public func save(_ path: String) throws(NotebookError) {
        do { try AtomicFile.write(json.serialized(), to: path) } catch { throw NotebookError("\(error)") }
    }
}

/// A notebook that cannot be read, run or written.
public struct NotebookError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the user.
    public let message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
