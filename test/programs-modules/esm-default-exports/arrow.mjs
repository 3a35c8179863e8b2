// Default export of an anonymous arrow function expression.
export default (x) => x * 2;
