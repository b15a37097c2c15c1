/// LearningData's types build on the geography's (region ids, kinds, levels, name folding): importing
/// LearningData brings them too.
@_exported import LearningGeography
