// Nightly report: counts yesterday's orders.
const { DynamoDBClient, ScanCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});

exports.handler = async () => {
  const page = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME, Select: "COUNT" }));
  console.log(JSON.stringify({ orders: page.Count }));
};
