export default "import condition";
