import Foundation
import PackagePlugin

/// Runs `ContentEmbedder` over every Markdown file under `Content/`, producing one Swift source that
/// holds the bundled question bank. Declaring each file as an input makes SwiftPM rebuild when one changes;
/// the directory itself is an input too, so an added or removed file also triggers a rebuild.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDir = context.package.directoryURL.appending(path: "Content")
        var inputs: [URL] = [contentDir]
        if let walker = FileManager.default.enumerator(at: contentDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "md" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledContent.swift")
        return [.buildCommand(
            displayName: "Embedding Content/ into \(target.name)",
            executable: try context.tool(named: "ContentEmbedder").url,
            arguments: [contentDir.path, output.path],
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
