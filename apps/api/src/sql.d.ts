// tsup's text loader turns `import x from "./file.sql"` into the file's contents.
declare module "*.sql" {
  const text: string;
  export default text;
}
