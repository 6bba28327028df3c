// QuestionBank
