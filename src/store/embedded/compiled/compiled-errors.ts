/**
 * The pipeline uses something outside the compiled executor's operator table (or uses a
 * supported operator in a form the table does not cover). Thrown while compiling, before any
 * document is read; the embedded store then runs the whole pipeline on mingo.
 */
export class UnsupportedPipelineError extends Error {
  override readonly name = 'UnsupportedPipelineError';
}

/**
 * The compiled executor met a value it does not model exactly (an array as a sort key, a
 * class instance in a group key, an operand MongoDB would reject…) while running. Thrown
 * mid-scan; the embedded store discards the partial work and runs the whole pipeline on
 * mingo, so such data is answered by the reference engine rather than approximated.
 */
export class CompiledBailout extends Error {
  override readonly name = 'CompiledBailout';
}
