// Receipts: records each uploaded receipt against its order.
const { DynamoDBClient, UpdateItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});

exports.handler = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key);
    await db.send(new UpdateItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: key.split("/")[0] } },
      UpdateExpression: "SET receipt = :k",
      ExpressionAttributeValues: { ":k": { S: key } },
    }));
  }
};
