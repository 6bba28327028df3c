print(BundledContent.files.count)
