/**
 * A setting the operator must fix: its message is one line naming the variable(s), a
 * parser's words it quotes (a JWKS file's) without their line breaks.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}
