enum PlaceholderTransliteration {}
