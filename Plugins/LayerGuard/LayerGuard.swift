import PackagePlugin

/// Runs `layer-guard` over every Swift file of the services and the command line before they
/// compile, so a service that imports GRDB or libsodium fails the build itself, not only
/// `scripts/check-layers` (ARCHITECTURE.md "The layers"). SwiftPM puts every
/// module of the package graph on the search path, so without this an `import GRDB` above the
/// record layer would compile.
@main
struct LayerGuard: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
    // The tool writes a Swift file of one comment: SwiftPM runs a build command only when its
    // output is part of the target.
    let stamp = context.pluginWorkDirectoryURL.appending(path: "LayerGuard.swift")
    return [
      .buildCommand(
        displayName: "Checking the layers of \(target.name)",
        executable: try context.tool(named: "layer-guard").url,
        arguments: [stamp.path(percentEncoded: false)] + sources.map { $0.path(percentEncoded: false) },
        inputFiles: sources,
        outputFiles: [stamp])
    ]
  }
}
