/** An error named as the AWS service names it (`EntityNotFoundException`…), as the SDK would throw it. */
export function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}
