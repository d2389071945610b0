// The parser's public surface: everything outside utils/parser imports from here.
export { parseComment, MAX_PARSED_LENGTH } from './parse-comment';
export { indexCatalog, type CatalogIndex, type IndexOptions } from './catalog-index';
export { catalogSchema, productSchema, EMPTY_CATALOG, type Catalog, type Product } from './catalog';
export {
  parseResultSchema,
  orderItemSchema,
  intentSchema,
  INTENTS,
  questionTopicSchema,
  QUESTION_TOPICS,
  type ParseResult,
  type OrderItem,
  type Intent,
  type QuestionTopic,
} from './result';
export { findPhones, toNationalPhone } from './phone';
export { REVIEW_BELOW, MAX_LINE_QUANTITY } from './review';
